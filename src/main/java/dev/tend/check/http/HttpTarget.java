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
        Thresholds latencyMillis) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new HttpCheck(this, context.http(url), context.clock()));
    }

    boolean statusExpected(int status) {
        return expectStatus.isEmpty() ? status >= 200 && status < 400 : expectStatus.contains(status);
    }
}
