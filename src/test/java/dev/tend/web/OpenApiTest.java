package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is kept by hand (no OpenAPI plugin for Javalin 7 here); this keeps it
 * honest: the same operations as the routes registered, each with the access its route has.
 */
class OpenApiTest {
    @TempDir
    Path directory;

    @Test
    void theDocumentDescribesExactlyTheRoutesRegisteredWithTheirAccess() throws Exception {
        JsonNode document;
        try (var in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
            document = JsonMapper.builder().build().readTree(in);
        }
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");

        var documented = new TreeSet<String>();
        var problems = new ArrayList<String>();
        for (var path : document.path("paths").propertyNames()) {
            for (var method : document.path("paths").path(path).propertyNames()) {
                var operation = document.path("paths").path(path).path(method);
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                if (operation.path("responses").isEmpty()) problems.add(method + " " + path + ": no responses");
                if (operation.path("summary").asString("").isBlank()) problems.add(method + " " + path + ": no summary");
            }
        }
        var registered = new TreeSet<String>();
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse("platform: { name: Lab }\ntargets: []\n", Path.of("tend.yaml"));
            for (var route : WebServer.routes(new WebContext(config, store, Clock.systemUTC()))) {
                if (route.page()) continue; // the UI's pages are for browsers, not part of the API
                registered.add(route.method() + " " + route.path());
                var operation = document.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
                if (operation.isMissingNode()) continue;
                boolean isPublic = operation.has("security") && operation.path("security").isEmpty();
                if (route.access() == Access.PUBLIC && !isPublic) problems.add(route.path() + ": public, but the document asks for a token");
                if (route.access() != Access.PUBLIC) {
                    if (isPublic) problems.add(route.path() + ": needs a token, but the document says it is public");
                    var role = operation.path("x-tend-role").asString("");
                    if (!role.equals(route.access().name().toLowerCase(Locale.ROOT))) {
                        problems.add(route.path() + ": the document says role '" + role + "', the route needs " + route.access());
                    }
                    if (!operation.path("responses").has("401")) problems.add(route.path() + ": no 401 documented");
                }
            }
        }
        assertThat(documented).as("operations in openapi.json").isEqualTo(registered);
        assertThat(problems).isEmpty();
    }
}
