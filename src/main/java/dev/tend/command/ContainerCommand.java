package dev.tend.command;

import dev.tend.docker.DockerEngineClient;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command inside a running container through the Engine API's exec endpoints, never the
 * docker CLI: create the exec, start it attached (output in multiplexed frames), then read its
 * exit code. The API cannot stop an exec; at the timeout its process, seen from the host by the
 * pid the engine reports, is stopped with its children when Tend can see it, and the result says
 * so either way.
 */
public final class ContainerCommand {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration API = Duration.ofSeconds(30);

    private ContainerCommand() {}

    /** Thrown when the container cannot take the command (absent, stopped): nothing ran. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    public static CommandResult run(Path socket, CommandSettings settings) throws Exception {
        var where = settings.container().orElseThrow();
        var unreachable = dev.tend.docker.DockerTarget.socketProblem(socket);
        if (unreachable.isPresent()) throw new Refused(unreachable.get());
        try (var docker = new DockerEngineClient(socket)) {
            var create = JSON.createObjectNode();
            create.put("AttachStdout", true).put("AttachStderr", true).put("AttachStdin", false).put("Tty", false);
            var cmd = create.putArray("Cmd");
            settings.processArgv().forEach(cmd::add);
            var env = create.putArray("Env");
            settings.env().forEach((name, secret) -> env.add(name + "=" + secret.reveal()));
            settings.dir().ifPresent(dir -> create.put("WorkingDir", dir.toString()));
            where.user().ifPresent(user -> create.put("User", user));
            var created = docker.post("/containers/" + encode(where.container()) + "/exec", create, API);
            if (created.status() == 404) throw new Refused("no container named '" + where.container() + "' on " + where.dockerTarget());
            if (created.status() == 409) throw new Refused("container '" + where.container() + "' is not running");
            if (created.status() / 100 != 2 || created.body() == null) {
                throw new IOException("the engine refused the exec (HTTP " + created.status() + message(created) + ")");
            }
            var id = created.body().path("Id").asString();
            var start = JSON.createObjectNode().put("Detach", false).put("Tty", false);
            var output = new CappedOutput(settings.outputLimit());
            long began = System.nanoTime();
            boolean timedOut = false;
            try {
                docker.stream("/exec/" + id + "/start", start, settings.timeout(), in -> frames(in, output));
            } catch (TimeoutException e) {
                timedOut = true;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TimeoutException)) throw e;
                timedOut = true;
            }
            var took = Duration.ofNanos(System.nanoTime() - began);
            var state = docker.get("/exec/" + id + "/json", API).body();
            if (timedOut || state.path("Running").asBoolean(false)) {
                long pid = state.path("Pid").asLong(0);
                var handle = pid > 0 ? ProcessHandle.of(pid) : java.util.Optional.<ProcessHandle>empty();
                if (handle.isPresent()) {
                    handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    handle.get().destroyForcibly();
                } else {
                    var note = ("\n[the exec's process (pid " + pid + ") is not visible from here and may still run]\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    output.write(note, note.length);
                }
                return new CommandResult(-1, output.text(), output.dropped(), true, took);
            }
            return new CommandResult(state.path("ExitCode").asInt(-1), output.text(), output.dropped(), false, took);
        }
    }

    /** Multiplexed frames: [stream, 0, 0, 0, length (4 bytes, big-endian)] then that many bytes; stdout and stderr kept together. */
    private static void frames(InputStream raw, CappedOutput output) {
        var in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        try {
            while (true) {
                try {
                    in.readUnsignedByte();
                } catch (EOFException end) {
                    return;
                }
                in.skipNBytes(3);
                int length = in.readInt();
                var payload = in.readNBytes(length);
                output.write(payload, payload.length);
            }
        } catch (IOException cut) {
            // the stream was cut at the timeout: what arrived is kept
        }
    }

    private static String message(DockerEngineClient.Answer answer) {
        return answer.body() == null ? "" : ": " + answer.body().path("message").asString("");
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }
}
