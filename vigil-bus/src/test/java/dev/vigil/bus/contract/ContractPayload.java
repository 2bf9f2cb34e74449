package dev.vigil.bus.contract;

/**
 * The payload the contract suite sends: small, JSON-friendly, and equal by value.
 *
 * @param id what the test calls the message
 * @param amount a number, so that decoding is checked beyond strings
 */
public record ContractPayload(String id, int amount) {}
