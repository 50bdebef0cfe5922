package dev.tend.check.http;

import static dev.tend.check.RunChecks.measurement;
import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.FreePorts;
import dev.tend.testing.JavaNames;
import dev.tend.testing.NginxExtension;
import dev.tend.testing.NginxServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NginxExtension.class)
class HttpCheckTest {

    @Test
    void aHealthyEndpointWithMatchingJsonIsOk(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"" + nginx.httpUrl("/health") + "\", "
                + "json: [{path: $.status, equals: ok}, {path: $.database.ok, equals: \"true\"}], bodyContains: status")).get(0);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).startsWith("GET " + nginx.httpUrl("/health") + " → 200 in ");
        assertThat(measurement(result, "status_code")).isEqualTo(200);
    }

    @Test
    void queryValuesStayOutOfReasons(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"" + nginx.httpUrl("/health?token=abcdef123&debug") + "\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).startsWith("GET " + nginx.httpUrl("/health?token=…&debug") + " → 200").doesNotContain("abcdef123");
    }

    @Test
    void anUnexpectedStatusIsCritical(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"" + nginx.httpUrl("/down") + "\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).startsWith("status 503, expected 2xx or 3xx");
    }

    @Test
    void failedBodyConditionsAreAllNamed(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"" + nginx.httpUrl("/health") + "\", "
                + "json: [{path: $.status, equals: degraded}, {path: $.cache}], bodyContains: redis")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).startsWith(
                "body does not contain \"redis\"; $.status is ok, expected degraded; $.cache is missing");
    }

    @Test
    void anUnreachableEndpointIsCritical() throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"http://127.0.0.1:" + FreePorts.next() + "/health\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).contains("connection refused");
    }

    @Test
    void anHttpsEndpointWithAnUntrustedCertificateSaysWhichAndWhatToDo(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"" + nginx.httpsUrl("/health") + "\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).isEqualTo("self-signed certificate of 127.0.0.1:" + nginx.httpsPort() + " (issuer CN=localhost) "
                + "is not trusted by the system trust store; add its PEM to the trust store of the Java running Tend "
                + "(keytool -importcert -cacerts), or watch this endpoint with a tls target and its `ca:`");
        assertThat(JavaNames.in(result.reason())).isEmpty();
    }

    @Test
    void anHttpsUrlOnAPlainHttpPortSaysSo(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: api, type: http, url: \"https://127.0.0.1:" + nginx.httpPort() + "/health\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).startsWith("the server answered in plain text, not TLS").endsWith("or plain http:// if it has none");
    }

    @Test
    void aSlowAnswerWarnsWithItsLatency() throws Exception {
        var slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/health", exchange -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        try {
            var result = RunChecks.run(oneTarget("name: api, type: http, url: \"http://127.0.0.1:" + slow.getAddress().getPort()
                    + "/health\", latency: {warn: 100ms, crit: 10s}")).get(0);

            assertThat(result.status()).isEqualTo(Status.WARN);
            assertThat(result.reason()).endsWith("slower than the 100 ms threshold");
            assertThat(measurement(result, "latency")).isGreaterThanOrEqualTo(300);
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void onlyTheFirstMebibyteOfABodyIsRead() throws Exception {
        var huge = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var body = ("{\"status\":\"ok\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        huge.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            } catch (java.io.IOException clientStoppedReading) {
                // expected: the check closes the stream after its first mebibyte
            }
            exchange.close();
        });
        huge.start();
        try {
            var url = "http://127.0.0.1:" + huge.getAddress().getPort() + "/health";
            var keyword = RunChecks.run(oneTarget("name: api, type: http, url: \"" + url + "\", bodyContains: status")).get(0);
            var json = RunChecks.run(oneTarget("name: api, type: http, url: \"" + url + "\", json: [{path: $.status, equals: ok}]")).get(0);

            assertThat(keyword.status()).isEqualTo(Status.OK);
            assertThat(json.status()).isEqualTo(Status.CRIT);
            assertThat(json.reason()).startsWith("body is larger than 1024 KiB, too large to read as JSON");
        } finally {
            huge.stop(0);
        }
    }
}
