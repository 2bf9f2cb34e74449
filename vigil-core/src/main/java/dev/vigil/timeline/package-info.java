/** The timeline: every observation a Vigil context makes, ordered, correlated and rendered. */
@NullMarked
package dev.vigil.timeline;

import org.jspecify.annotations.NullMarked;
