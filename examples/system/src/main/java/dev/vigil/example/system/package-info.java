/** Both example services wired on one bus, and a main that starts them for exploration. */
@NullMarked
package dev.vigil.example.system;

import org.jspecify.annotations.NullMarked;
