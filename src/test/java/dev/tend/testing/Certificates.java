package dev.tend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Certificates with the flaws TLS checks must explain: CAs, intermediates, server certificates for
 * chosen names, backdated ones that have expired. Made with openssl (as nginx's is), its {@code ca}
 * command because only that one sets the start date in OpenSSL 3.0; served by {@link TlsServer}.
 */
public final class Certificates {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter OPENSSL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'000000Z'");
    private final Path directory;

    /** One certificate and its private key, in PEM. */
    public record Issued(String name, Path certificate, Path key) {}

    public Certificates(Path directory) {
        this.directory = directory;
        write("index.txt", "");
        write("serial", "1000\n");
        write("ca.cnf", """
                [ca]
                default_ca = tend
                [tend]
                database = %1$s/index.txt
                new_certs_dir = %1$s
                serial = %1$s/serial
                default_md = sha256
                policy = anything
                unique_subject = no
                [anything]
                commonName = supplied
                """.formatted(directory));
    }

    /** A self-signed CA (root) certificate, e.g. subject "/CN=Tend Test Root". */
    public Issued authority(String name, String subject) {
        var issued = files(name);
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", issued.key().toString(), "-out", issued.certificate().toString(),
                "-days", "3650", "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return issued;
    }

    /**
     * A certificate signed by {@code issuer}, valid from {@code start} for {@code days}: an intermediate CA when
     * {@code names} is null, else a server certificate for the names (e.g. "DNS:localhost,IP:127.0.0.1").
     */
    public Issued signed(String name, String subject, String names, Issued issuer, LocalDate start, int days) {
        var issued = files(name);
        var request = directory.resolve(name + ".csr").toString();
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", issued.key().toString(), "-out", request, "-subj", subject);
        var extensions = write(name + ".ext", names == null
                ? "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                : "basicConstraints=CA:FALSE\nsubjectAltName=" + names + "\n");
        openssl("ca", "-batch", "-notext", "-config", directory.resolve("ca.cnf").toString(), "-cert", issuer.certificate().toString(),
                "-keyfile", issuer.key().toString(), "-in", request, "-out", issued.certificate().toString(),
                "-startdate", start.format(OPENSSL_DATE), "-enddate", start.plusDays(days).format(OPENSSL_DATE),
                "-extfile", extensions.toString());
        return issued;
    }

    private Issued files(String name) {
        return new Issued(name, directory.resolve(name + ".pem"), directory.resolve(name + ".key"));
    }

    private Path write(String file, String content) {
        try {
            return Files.writeString(directory.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void openssl(String... arguments) {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Commands.run(TIMEOUT, command);
    }
}
