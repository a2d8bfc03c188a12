package org.freshears.web;

import java.security.SecureRandom;

/** Unguessable ids: 160 random bits from {@link SecureRandom}, lower-case base32 (32 characters). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Ids() {}

    static String next() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        StringBuilder s = new StringBuilder(32);
        int buffer = 0, bits = 0;
        for (byte x : b) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return s.toString();
    }

    /** True for a string that could be one of our ids (so that nothing else ever reaches the database). */
    static boolean valid(String id) {
        return id != null && id.matches("[a-z2-7]{32}");
    }
}
