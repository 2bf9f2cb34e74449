package dev.vigil.http.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A fresh self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, with
 * the TLS contexts a test server and its clients need; built with the JDK alone, since the JDK has
 * no public API that creates certificates.
 *
 * <pre>{@code
 * SelfSignedCertificate tls = SelfSignedCertificate.generate(Instant.now());
 * SSLServerSocket server = (SSLServerSocket)
 *     tls.serverContext().getServerSocketFactory().createServerSocket(0);
 * HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
 * }</pre>
 */
public final class SelfSignedCertificate {
  private static final String HOST_NAME = "localhost";
  private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
  private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  private static final Duration BACKDATING = Duration.ofDays(1);
  private static final Duration LIFETIME = Duration.ofDays(365);

  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  // SAN GeneralName choices (RFC 5280 4.2.1.6), IMPLICIT: dNSName [2] IA5String, iPAddress [7].
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  private SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /**
   * Generates a new EC P-256 key pair and a certificate for it, signed with its own key.
   *
   * @param now the current time: the certificate is valid from a day before to 365 days after, so
   *     that a client whose clock is slightly behind still accepts it
   * @return the certificate and its private key
   * @throws IllegalArgumentException when the validity would leave the years 0 to 9999
   */
  public static SelfSignedCertificate generate(Instant now) {
    KeyPair keys =
        call(
            "generate an EC P-256 key pair",
            () -> {
              KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
              generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
              return generator.generateKeyPair();
            });
    byte[] tbs = toBeSigned(keys.getPublic(), now);
    byte[] signature = call("sign the certificate", () -> sign(tbs, keys.getPrivate()));
    byte[] der = Der.sequence(tbs, signatureAlgorithm(), Der.bitString(signature));
    return new SelfSignedCertificate(
        call("parse the certificate", () -> parse(der)), keys.getPrivate());
  }

  /**
   * Returns the certificate.
   *
   * @return the self-signed certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Returns the certificate's private key.
   *
   * @return the EC private key
   */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Returns a new TLS context for a server that presents this certificate.
   *
   * @return a context whose key manager holds the key and the certificate
   */
  public SSLContext serverContext() {
    // The store lives in memory only; a random password just satisfies the API.
    char[] password = Base64.getEncoder().encodeToString(randomBytes(18)).toCharArray();
    return call(
        "build the server's TLS context",
        () -> {
          KeyStore store = emptyKeyStore();
          store.setKeyEntry(HOST_NAME, privateKey, password, new Certificate[] {certificate});
          KeyManagerFactory keys =
              KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
          keys.init(store, password);
          SSLContext context = SSLContext.getInstance("TLS");
          context.init(keys.getKeyManagers(), null, null);
          return context;
        });
  }

  /**
   * Returns a new TLS context for a client that trusts this certificate and no other.
   *
   * @return a context whose trust manager holds only this certificate
   */
  public SSLContext clientContext() {
    return call(
        "build the client's TLS context",
        () -> {
          KeyStore store = emptyKeyStore();
          store.setCertificateEntry(HOST_NAME, certificate);
          TrustManagerFactory trust =
              TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          trust.init(store);
          SSLContext context = SSLContext.getInstance("TLS");
          context.init(null, trust.getTrustManagers(), null);
          return context;
        });
  }

  /** Returns the TBSCertificate of RFC 5280 4.1: everything the signature covers. */
  private static byte[] toBeSigned(PublicKey publicKey, Instant now) {
    byte[] name = localhostName();
    return Der.sequence(
        Der.explicit(0, Der.integer(BigInteger.TWO)), // v3, needed for extensions
        Der.integer(serialNumber()),
        signatureAlgorithm(),
        name, // issuer
        Der.sequence(Der.time(now.minus(BACKDATING)), Der.time(now.plus(LIFETIME))),
        name, // subject: the same, which is what makes it self-signed
        publicKey.getEncoded(), // already a DER SubjectPublicKeyInfo
        Der.explicit(3, extensions()));
  }

  /** Returns the extensions that let TLS clients accept the certificate for loopback servers. */
  private static byte[] extensions() {
    byte[] subjectAltNames =
        Der.sequence(
            Der.implicit(DNS_NAME, HOST_NAME.getBytes(StandardCharsets.US_ASCII)),
            Der.implicit(IP_ADDRESS, IPV4_LOOPBACK),
            Der.implicit(IP_ADDRESS, IPV6_LOOPBACK));
    return Der.sequence(
        extension(SUBJECT_ALT_NAME, false, subjectAltNames),
        // cA defaults to false, and DER omits defaults: an empty SEQUENCE.
        extension(BASIC_CONSTRAINTS, true, Der.sequence()),
        // digitalSignature is bit 0; DER drops the 7 trailing zero bits.
        extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0x80}, 7)),
        extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    // critical defaults to FALSE, which DER must leave out.
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  /** Returns the Name {@code CN=localhost}: a SEQUENCE of one RDN holding one attribute. */
  private static byte[] localhostName() {
    return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(HOST_NAME))));
  }

  /** Returns the AlgorithmIdentifier of ECDSA with SHA-256, whose parameters RFC 5758 omits. */
  private static byte[] signatureAlgorithm() {
    return Der.sequence(Der.oid(ECDSA_WITH_SHA256));
  }

  /**
   * Returns a random positive serial of 64 bits at most: unique enough, within RFC 5280's 20
   * octets.
   */
  private static BigInteger serialNumber() {
    return new BigInteger(63, RANDOM).add(BigInteger.ONE);
  }

  private static byte[] sign(byte[] data, PrivateKey key) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key, RANDOM);
    signer.update(data);
    // The JDK already returns the DER ECDSA-Sig-Value that X.509 expects.
    return signer.sign();
  }

  private static X509Certificate parse(byte[] der) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static <T> T call(String what, SecurityCall<T> call) {
    try {
      return call.call();
    } catch (GeneralSecurityException | IOException e) {
      // OpenJDK always provides these algorithms: only a stripped or misconfigured runtime gets
      // here.
      throw new IllegalStateException("could not " + what + ": " + e, e);
    }
  }

  /** A call into the JDK's security APIs, whose checked exceptions should never happen here. */
  @FunctionalInterface
  private interface SecurityCall<T> {
    T call() throws GeneralSecurityException, IOException;
  }
}
