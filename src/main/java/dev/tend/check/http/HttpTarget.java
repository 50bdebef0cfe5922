package dev.tend.check.http;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Thresholds;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An HTTP(S) endpoint: an API's /health, Prometheus /-/healthy, Grafana /api/health. */
public record HttpTarget(
        TargetSettings settings,
        URI url,
        String method,
        List<Integer> expectStatus,
        Optional<String> bodyContains,
        List<JsonCondition> json,
        Thresholds latencyMillis,
        List<HeaderCondition> headers,
        dev.tend.check.Status headersLevel) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        var http = new HttpCheck(this, context.http(url), context.clock());
        return headers.isEmpty() ? List.of(http) : List.of(http, new HeadersCheck(this, context.http(url)));
    }

    boolean statusExpected(int status) {
        return expectStatus.isEmpty() ? status >= 200 && status < 400 : expectStatus.contains(status);
    }
}
