package io.ttx.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile read as instructions (continuation lines joined, comments dropped), for checks without Docker. */
public record Dockerfile(List<Instruction> instructions) {
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    /** One instruction: its keyword (upper case) and the rest of its line. */
    public record Instruction(String keyword, String arguments) { }

    public static Dockerfile read(Path file) {
        try {
            List<Instruction> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.startsWith("#") || (t.isEmpty() && current.isEmpty())) continue;
                current.append(t.endsWith("\\") ? t.substring(0, t.length() - 1) : t).append(' ');
                if (t.endsWith("\\")) continue;
                String full = current.toString().strip();
                current.setLength(0);
                int space = full.indexOf(' ');
                out.add(new Instruction(full.substring(0, space).toUpperCase(), full.substring(space + 1).strip()));
            }
            return new Dockerfile(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The variables ENV sets ({@code KEY=value} pairs), in the last stage and every earlier one. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : all("ENV")) {
            Matcher m = KEY_VALUE.matcher(args);
            while (m.find()) env.put(m.group(1), m.group(2).replace("\"", ""));
        }
        return env;
    }

    /** The instructions of the last stage (from its FROM on): what the image is made of. */
    public Dockerfile lastStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) if (instructions.get(i).keyword().equals("FROM")) from = i;
        return new Dockerfile(instructions.subList(from, instructions.size()));
    }
}
