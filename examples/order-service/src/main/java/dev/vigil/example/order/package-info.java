/** The seeds' order flow: orders, fan-out, payment and webhook, the correlated chain, stock. */
@NullMarked
package dev.vigil.example.order;

import org.jspecify.annotations.NullMarked;
