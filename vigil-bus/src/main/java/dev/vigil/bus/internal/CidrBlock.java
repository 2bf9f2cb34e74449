package dev.vigil.bus.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"cidr": "10.0.0.0/24"}}: string values that are IPv4 or IPv6 addresses inside a block.
 * Addresses are parsed as literals only, so a host name is never looked up.
 */
final class CidrBlock implements FilterCondition {
  private final byte[] network;
  private final int prefixLength;

  private CidrBlock(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code address/prefix-length}.
   *
   * @return the block, or {@code null} when {@code text} is not one
   */
  static @Nullable CidrBlock parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
      return null;
    }
    byte[] address = address(text.substring(0, slash));
    int prefixLength = Integer.parseInt(text.substring(slash + 1));
    if (address == null || prefixLength > address.length * 8) {
      return null;
    }
    return new CidrBlock(address, prefixLength);
  }

  @Override
  public boolean matchesValue(FilterValue value) {
    if (!value.isString()) {
      return false;
    }
    byte[] address = address(value.text());
    return address != null && address.length == network.length && samePrefix(address);
  }

  private boolean samePrefix(byte[] address) {
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Reads an IPv4 or IPv6 literal into 4 or 16 bytes, or returns {@code null}. */
  static byte @Nullable [] address(String text) {
    return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
  }

  private static byte @Nullable [] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
        return null;
      }
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static byte @Nullable [] ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
    byte[] tail = gap < 0 ? new byte[0] : groups(text.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int length = head.length + tail.length;
    if (gap < 0 ? length != 16 : length > 14) {
      return null;
    }
    byte[] bytes = Arrays.copyOf(head, 16);
    System.arraycopy(tail, 0, bytes, 16 - tail.length, tail.length);
    return bytes;
  }

  /** Reads colon-separated hex groups, the last of which may be a dotted IPv4 address. */
  private static byte @Nullable [] groups(String text) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split(":", -1);
    byte[] bytes = new byte[parts.length * 2 + 2];
    int length = 0;
    for (int i = 0; i < parts.length; i++) {
      if (i == parts.length - 1 && parts[i].indexOf('.') >= 0) {
        byte[] ipv4 = ipv4(parts[i]);
        if (ipv4 == null) {
          return null;
        }
        System.arraycopy(ipv4, 0, bytes, length, 4);
        length += 4;
      } else if (parts[i].matches("[0-9a-fA-F]{1,4}")) {
        int group = Integer.parseInt(parts[i], 16);
        bytes[length++] = (byte) (group >>> 8);
        bytes[length++] = (byte) group;
      } else {
        return null;
      }
    }
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public String toString() {
    return "cidr " + Arrays.toString(network) + "/" + prefixLength;
  }
}
