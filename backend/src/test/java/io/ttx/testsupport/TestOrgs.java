package io.ttx.testsupport;

import io.ttx.shared.Uscc;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid unified social credit codes, so a test can act for an organisation nobody else uses. */
public final class TestOrgs {
    private TestOrgs() { }

    public static String random(String kind, String region) {
        String digits = String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String first17 = kind + region + digits;
        return first17 + Uscc.checkCharacter(first17);
    }

    public static String university() {
        return random("12", "330100");
    }
}
