package dev.tend.testing;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh passwords per run, so no test can pass by knowing a hard-coded one. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** e.g. {@code pw-3f9a...}: URL- and shell-safe, 24 hex digits after the prefix. */
    static String random(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
