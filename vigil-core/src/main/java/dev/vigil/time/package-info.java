/** The time sources a Vigil context reads and schedules through: real time and virtual time. */
@NullMarked
package dev.vigil.time;

import org.jspecify.annotations.NullMarked;
