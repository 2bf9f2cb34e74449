package dev.vigil.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.250Z");

  private final ExecutorService serverThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopServer() throws InterruptedException {
    serverThread.shutdownNow();
    assertThat(serverThread.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void produces_a_certificate_that_parses_and_verifies_with_its_own_public_key() throws Exception {
    X509Certificate generated = SelfSignedCertificate.generate(NOW).certificate();

    X509Certificate parsed = reparse(generated);

    parsed.verify(parsed.getPublicKey());
    assertThat(parsed.getVersion()).isEqualTo(3);
    assertThat(parsed.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(parsed.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(parsed.getIssuerX500Principal()).isEqualTo(parsed.getSubjectX500Principal());
  }

  @Test
  void names_localhost_and_both_loopback_addresses_as_alternative_names() throws Exception {
    X509Certificate certificate = SelfSignedCertificate.generate(NOW).certificate();

    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
  }

  @Test
  void is_an_end_entity_certificate_for_tls_servers() throws Exception {
    X509Certificate certificate = SelfSignedCertificate.generate(NOW).certificate();

    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getKeyUsage()).startsWith(true).containsOnlyOnce(true);
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
  }

  @Test
  void is_valid_from_a_day_before_now_until_a_year_after() throws Exception {
    X509Certificate certificate = SelfSignedCertificate.generate(NOW).certificate();

    assertThat(certificate.getNotBefore().toInstant())
        .isEqualTo(Instant.parse("2025-02-28T12:00:00Z"));
    assertThat(certificate.getNotAfter().toInstant())
        .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    certificate.checkValidity(Date.from(NOW));
    assertThatThrownBy(() -> certificate.checkValidity(Date.from(NOW.minus(Duration.ofDays(2)))))
        .isInstanceOf(CertificateNotYetValidException.class);
  }

  @Test
  void writes_years_before_2050_as_utc_time_and_later_ones_as_generalized_time() throws Exception {
    Instant lateIn2049 = Instant.parse("2049-12-01T00:00:00Z");
    X509Certificate certificate = SelfSignedCertificate.generate(lateIn2049).certificate();
    byte[] der = certificate.getEncoded();

    // Tag 0x17 UTCTime, 13 characters; tag 0x18 GeneralizedTime, 15 characters.
    assertThat(indexOf(der, tagged(0x17, "491130000000Z"))).isPositive();
    assertThat(indexOf(der, tagged(0x18, "20501201000000Z"))).isPositive();
    assertThat(certificate.getNotAfter().toInstant())
        .isEqualTo(Instant.parse("2050-12-01T00:00:00Z"));
  }

  @Test
  void generates_a_new_key_pair_and_serial_number_each_time() {
    SelfSignedCertificate first = SelfSignedCertificate.generate(NOW);
    SelfSignedCertificate second = SelfSignedCertificate.generate(NOW);

    assertThat(second.privateKey()).isNotEqualTo(first.privateKey());
    assertThat(second.certificate().getPublicKey())
        .isNotEqualTo(first.certificate().getPublicKey());
    assertThat(second.certificate().getSerialNumber())
        .isNotEqualTo(first.certificate().getSerialNumber());
    assertThat(first.certificate().getSerialNumber()).isPositive();
  }

  @Test
  void serves_https_to_a_client_that_trusts_it_by_host_name_and_by_ip_address() throws Exception {
    SelfSignedCertificate tls = SelfSignedCertificate.generate(Instant.now());
    try (SSLServerSocket server = loopbackServer(tls.serverContext())) {
      Future<List<String>> requestLines = serve(server, 2);
      HttpClient client = client(tls.clientContext());

      HttpResponse<String> byName =
          get(client, "https://localhost:" + server.getLocalPort() + "/a");
      HttpResponse<String> byIp = get(client, "https://127.0.0.1:" + server.getLocalPort() + "/b");

      assertThat(byName.statusCode()).isEqualTo(200);
      assertThat(byIp.statusCode()).isEqualTo(200);
      assertThat(byIp.body()).isEqualTo("ok");
      assertThat(requestLines.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .containsExactly("GET /a HTTP/1.1", "GET /b HTTP/1.1");
    }
  }

  @Test
  void fails_the_handshake_with_a_client_that_uses_the_default_trust_store() throws Exception {
    SelfSignedCertificate tls = SelfSignedCertificate.generate(Instant.now());
    try (SSLServerSocket server = loopbackServer(tls.serverContext())) {
      Future<List<String>> requestLines = serve(server, 1);
      HttpClient client = client(SSLContext.getDefault());

      assertThatThrownBy(() -> get(client, "https://localhost:" + server.getLocalPort() + "/"))
          .isInstanceOf(SSLHandshakeException.class);
      // The server's handshake fails either on the client's alert (SSLException) or, when the
      // client has already closed the connection as it is free to, on writing to it ("Broken
      // pipe", seen on JDK 25): either way it never reads a request.
      assertThatThrownBy(() -> requestLines.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfAny(SSLException.class, SocketException.class);
    }
  }

  @Test
  void encodes_lengths_in_short_form_below_128_and_in_long_form_from_128() {
    assertThat(Der.length(127)).containsExactly(0x7F);
    assertThat(Der.length(128)).containsExactly(0x81, 0x80);
    assertThat(Der.length(255)).containsExactly(0x81, 0xFF);
    assertThat(Der.length(256)).containsExactly(0x82, 0x01, 0x00);
    assertThat(Der.length(65_536)).containsExactly(0x83, 0x01, 0x00, 0x00);
  }

  @Test
  void elements_of_any_length_read_back_as_their_content() {
    for (int size : new int[] {0, 1, 127, 128, 200, 255, 256, 300, 65_535, 65_536}) {
      byte[] content = new byte[size];
      Arrays.fill(content, (byte) size);

      assertThat(contentOf(Der.octetString(content), 0x04)).as("size %d", size).isEqualTo(content);
    }
  }

  @Test
  void encodes_object_identifiers_in_base_128_with_the_first_two_arcs_combined() {
    // ecdsa-with-SHA256 as RFC 5758 prints it: 840 and 10045 take two bytes each.
    assertThat(Der.oid("1.2.840.10045.4.3.2"))
        .containsExactly(0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02);
    assertThatThrownBy(() -> Der.oid("3.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oid must start with 0, 1 or 2, was 3.1");
  }

  /** A parse of one DER element, independent of {@link Der}, that checks nothing trails it. */
  private static byte[] contentOf(byte[] element, int expectedTag) {
    assertThat(element[0] & 0xFF).isEqualTo(expectedTag);
    int first = element[1] & 0xFF;
    int length = first;
    int headerSize = 2;
    if (first >= 0x80) {
      int octets = first & 0x7F;
      assertThat(element[2]).as("long form has no leading zero").isNotZero();
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (element[2 + i] & 0xFF);
      }
      assertThat(length).as("long form only from 128").isGreaterThanOrEqualTo(128);
      headerSize += octets;
    }
    assertThat(element).hasSize(headerSize + length);
    return Arrays.copyOfRange(element, headerSize, element.length);
  }

  private static X509Certificate reparse(X509Certificate certificate) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
  }

  private static byte[] tagged(int tag, String ascii) {
    byte[] text = ascii.getBytes(US_ASCII);
    byte[] out = new byte[text.length + 2];
    out[0] = (byte) tag;
    out[1] = (byte) text.length;
    System.arraycopy(text, 0, out, 2, text.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private static SSLServerSocket loopbackServer(SSLContext context) throws Exception {
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout((int) TIMEOUT.toMillis());
    return server;
  }

  /** Accepts {@code connections} connections in turn, answering each with 200 and closing it. */
  private Future<List<String>> serve(SSLServerSocket server, int connections) {
    return serverThread.submit(
        () -> {
          List<String> requestLines = new ArrayList<>();
          for (int i = 0; i < connections; i++) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
              socket.setSoTimeout((int) TIMEOUT.toMillis());
              requestLines.add(answer(socket));
            }
          }
          return requestLines;
        });
  }

  private static String answer(SSLSocket socket) throws Exception {
    // Handshake explicitly so that a rejected certificate fails here, not in a read.
    socket.startHandshake();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), ISO_8859_1));
    String requestLine = in.readLine();
    String line = requestLine;
    while (line != null && !line.isEmpty()) {
      line = in.readLine();
    }
    OutputStream out = socket.getOutputStream();
    out.write(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(US_ASCII));
    out.flush();
    return requestLine;
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
