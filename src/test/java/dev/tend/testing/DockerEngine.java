package dev.tend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A private Docker engine: its own dockerd (and the containerd it starts) with its own socket, data and exec
 * directories, no bridge network and no iptables rules. The one image, {@link #image()}, is busybox imported from
 * the host's busybox-static binary, since no registry is reachable. Containers always run with {@code --network none}.
 * <p>Shared by every test of the run and stopped by the harness at its end: tests must not close it.
 */
public final class DockerEngine extends LocalService {

    private static final String DOCKERD = "/usr/sbin/dockerd";
    private static final String IMAGE = "local/busybox:1";
    private static final String BUSYBOX = "/bin/busybox";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(120);
    /** Linux limits unix socket paths to 107 bytes; the temp dir name must leave room. */
    private static final int MAX_SOCKET_PATH = 100;

    private final ManagedProcess dockerd;
    private final String cli;
    private final Map<String, String> cliEnvironment;

    private DockerEngine(Path workDir, ManagedProcess dockerd, String cli) {
        super(workDir);
        this.dockerd = dockerd;
        this.cli = cli;
        Map<String, String> environment = new HashMap<>();
        // an empty CLI config: the host's ~/.docker may name credential helpers that are not installed here
        environment.put("DOCKER_CONFIG", workDir.resolve("cli-config").toString());
        environment.put("DOCKER_HOST", null);
        environment.put("DOCKER_CONTEXT", null);
        this.cliEnvironment = environment;
    }

    static DockerEngine start() throws IOException {
        requirePrerequisites();
        // short and fresh: a dockerd left over from a crashed run keeps its own directories and socket
        Path workDir = TempDirs.create(Path.of("/tmp"), "tdk");
        ManagedProcess dockerd = null;
        try {
            Path socket = workDir.resolve("docker.sock");
            if (socket.toString().length() > MAX_SOCKET_PATH) {
                throw new IllegalStateException("docker socket path too long for a unix socket: " + socket);
            }
            Files.createDirectories(workDir.resolve("cli-config"));
            // its own empty daemon.json, so /etc/docker/daemon.json on a developer machine cannot interfere
            Files.writeString(workDir.resolve("daemon.json"), "{}");
            Map<String, String> environment = new HashMap<>();
            environment.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin:" + System.getenv().getOrDefault("PATH", ""));
            environment.put("DOCKER_HOST", null);
            dockerd = ManagedProcess.start("dockerd", List.of(DOCKERD,
                    "--host", "unix://" + socket,
                    "--data-root", workDir.resolve("data").toString(),
                    "--exec-root", workDir.resolve("exec").toString(),
                    "--pidfile", workDir.resolve("docker.pid").toString(),
                    "--config-file", workDir.resolve("daemon.json").toString(),
                    // no docker0 bridge and no iptables/NAT changes on the host; containers use --network none
                    "--bridge=none",
                    "--iptables=false",
                    "--ip6tables=false",
                    "--ip-masq=false"), workDir.resolve("dockerd.log"), environment, Duration.ofSeconds(20));
            DockerEngine engine = new DockerEngine(workDir, dockerd, dockerCli());
            dockerd.awaitReady(STARTUP_TIMEOUT, () -> Files.exists(socket) && engine.answers());
            engine.importBusyboxImage();
            ShutdownCleanup.register(engine);
            return engine;
        } catch (IOException | RuntimeException e) {
            if (dockerd != null) {
                dockerd.close();
            }
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
    }

    private static void requirePrerequisites() {
        Commands.requireExecutable(DOCKERD, "docker.io");
        Commands.requireExecutable("/usr/bin/containerd", "containerd");
        Commands.requireExecutable("/usr/sbin/runc", "runc");
        Commands.requireExecutable(BUSYBOX, "busybox-static");
        if (!Commands.runningAsRoot()) {
            throw new IllegalStateException("dockerd needs root (mounts, cgroups, namespaces) and this JVM is not"
                    + " running as root; run the Docker tests as root");
        }
    }

    /** The docker.io CLI matches the daemon's API version; any docker on PATH is the fallback. */
    private static String dockerCli() {
        String configured = System.getProperty("tend.docker.cli");
        if (configured != null) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
    }

    private boolean answers() {
        Commands.run(Duration.ofSeconds(10), cliEnvironment, command("info", "--format", "{{.ServerVersion}}"));
        return true;
    }

    /** busybox-static is one self-contained binary: with one symlink per applet it is a complete image. */
    private void importBusyboxImage() throws IOException {
        Path rootfs = workDir.resolve("image-rootfs");
        Path bin = rootfs.resolve("bin");
        Files.createDirectories(bin);
        for (String dir : List.of("tmp", "etc", "proc", "sys", "dev", "root")) {
            Files.createDirectories(rootfs.resolve(dir));
        }
        Files.copy(Path.of(BUSYBOX), bin.resolve("busybox"));
        for (String applet : Commands.run(Duration.ofSeconds(10), List.of(BUSYBOX, "--list")).lines().toList()) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Path tarball = workDir.resolve("busybox-rootfs.tar");
        Commands.run(Duration.ofSeconds(60), List.of("tar", "-C", rootfs.toString(), "-cf", tarball.toString(), "."));
        docker("import", "--change", "ENV PATH=/bin", tarball.toString(), IMAGE);
        TempDirs.deleteQuietly(rootfs);
        Files.deleteIfExists(tarball);
    }

    /** The dockerd API socket; e.g. {@code DOCKER_HOST=unix://} + socket(). */
    public Path socket() {
        return workDir.resolve("docker.sock");
    }

    /** {@code local/busybox:1}: busybox with sh, sleep, true, false, cat and every other applet in /bin. */
    public String image() {
        return IMAGE;
    }

    /** Runs the docker CLI against this engine (2 min timeout); returns stdout without the trailing newline. */
    public String docker(String... args) {
        return Commands.run(CLI_TIMEOUT, cliEnvironment, command(args)).strip();
    }

    /**
     * {@code docker run -d --network none --name NAME ...extraArgs local/busybox:1 sleep 3600}; returns the
     * container id. The network is not negotiable: extraArgs must not set one.
     */
    public String runContainer(String name, String... extraArgs) {
        for (String arg : extraArgs) {
            if (arg.equals("--network") || arg.equals("--net") || arg.startsWith("--network=") || arg.startsWith("--net=")) {
                throw new IllegalArgumentException("test containers always run with --network none, got " + arg);
            }
        }
        List<String> args = new ArrayList<>(List.of("run", "-d", "--network", "none", "--name", name));
        args.addAll(List.of(extraArgs));
        args.addAll(List.of(IMAGE, "sleep", "3600"));
        return docker(args.toArray(String[]::new));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(cli, "-H", "unix://" + socket()));
        command.addAll(List.of(args));
        return command;
    }

    /** Removes every container, stops dockerd (SIGTERM, 20 s, then SIGKILL) and deletes its directories. */
    @Override
    protected void stop() throws Exception {
        removeAllContainers();
        dockerd.close();
    }

    @Override
    protected void cleanUp() {
        deleteUnlessStillMounted();
    }

    private void removeAllContainers() {
        if (!dockerd.isAlive()) {
            return;
        }
        try {
            List<String> ids = docker("ps", "-aq").lines().filter(line -> !line.isBlank()).toList();
            if (!ids.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("rm", "-f"));
                args.addAll(ids);
                docker(args.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            System.err.println("[tend-harness] could not remove containers: " + e.getMessage());
        }
    }

    /** After an unclean stop overlay mounts may remain; deleting through them would fail noisily, so keep the dir. */
    private void deleteUnlessStillMounted() {
        try {
            boolean mounted = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .anyMatch(line -> line.contains(" " + workDir + "/"));
            if (mounted) {
                System.err.println("[tend-harness] keeping " + workDir + ": something is still mounted under it");
                return;
            }
        } catch (IOException e) {
            return;
        }
        TempDirs.deleteQuietly(workDir);
    }

    @Override
    public String toString() {
        return "DockerEngine[unix://" + socket() + ", dockerd pid " + dockerd.pid() + "]";
    }
}
