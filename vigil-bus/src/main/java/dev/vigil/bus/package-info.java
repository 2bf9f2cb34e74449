/** Embedded message bus with SNS/SQS semantics, its test client and fault injection. */
@NullMarked
package dev.vigil.bus;

import org.jspecify.annotations.NullMarked;
