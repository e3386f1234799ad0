package io.ttx.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a process spent its time during one load level, from a JFR recording (settings=profile): execution samples
 * grouped by the component that owns the innermost frame (JDK, JSON and collection frames are looked through to
 * the first frame that names a component), the hottest methods, and the GC pause total.
 */
record Profile(String title, Path file, int samples, Map<String, Integer> byComponent, Map<String, Integer> topMethods,
               Duration gcPauses, int gcs) {

    /** prefix of a frame's class -> component; checked in this order, the first match wins. */
    private static final List<String[]> COMPONENTS = List.of(
        new String[] {"co.elastic.clients.transport", "ES Java client: HTTP transport"},
        new String[] {"co.elastic.clients", "ES Java client: request build and response parsing"},
        new String[] {"org.elasticsearch.client", "ES Java client: HTTP transport"},
        new String[] {"org.apache.http", "ES Java client: HTTP transport"},
        new String[] {"org.apache.hc", "ES Java client: HTTP transport"},
        new String[] {"com.mongodb", "MongoDB driver (outbox relay, sweeps)"},
        new String[] {"com.nimbusds", "security: JWT"},
        new String[] {"org.springframework.security", "security: JWT"},
        new String[] {"org.springframework.http.codec", "API response JSON encoding"},
        new String[] {"org.springframework.core.codec", "API response JSON encoding"},
        new String[] {"org.springframework.web", "Spring WebFlux dispatch"},
        new String[] {"org.springframework.http", "Spring WebFlux dispatch"},
        new String[] {"reactor.netty", "Netty (HTTP)"},
        new String[] {"io.netty", "Netty (HTTP)"},
        new String[] {"reactor.core", "Reactor"},
        new String[] {"io.micrometer", "metrics (Micrometer)"},
        new String[] {"io.ttx", "TTX code"},
        new String[] {"org.springframework", "Spring (other)"},
        new String[] {"de.bwaldvogel", "MongoDB wire server (mongo-java-server)"},
        new String[] {"org.h2", "MongoDB wire server (mongo-java-server)"},
        new String[] {"org.apache.lucene.search.highlight", "ES: highlighting"},
        new String[] {"org.apache.lucene.search.uhighlight", "ES: highlighting"},
        new String[] {"org.elasticsearch.lucene.search.uhighlight", "ES: highlighting"},
        new String[] {"org.elasticsearch.search.fetch.subphase.highlight", "ES: highlighting"},
        new String[] {"org.elasticsearch.search.aggregations", "ES: aggregations (facets)"},
        new String[] {"org.elasticsearch.search.fetch", "ES: fetch (source, hits)"},
        new String[] {"org.apache.lucene.analysis", "ES: text analysis"},
        new String[] {"org.apache.lucene", "ES: Lucene query execution"},
        new String[] {"org.elasticsearch.xcontent", "ES: JSON (xcontent)"},
        new String[] {"org.elasticsearch.http", "ES: HTTP layer"},
        new String[] {"org.elasticsearch.transport", "ES: transport"},
        new String[] {"org.elasticsearch.search", "ES: search phases"},
        new String[] {"org.elasticsearch", "ES: other"},
        new String[] {"org.gaul", "S3Proxy"},
        new String[] {"org.eclipse.jetty", "S3Proxy"});
    /** Frames looked through: generic library code whose cost belongs to the caller. */
    private static final List<String> TRANSPARENT = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "tools.jackson.",
        "com.fasterxml.jackson.", "jakarta.json", "org.eclipse.parsson", "kotlin.", "org.slf4j", "ch.qos", "org.apache.logging");

    static Profile of(Path file, String title) {
        Map<String, Integer> byComponent = new LinkedHashMap<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        int samples = 0;
        int gcs = 0;
        Duration gc = Duration.ZERO;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcs++;
                    gc = gc.plus(e.getDuration("sumOfPauses"));
                }
                if (!type.equals("jdk.ExecutionSample")) continue;
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) continue;
                samples++;
                List<RecordedFrame> frames = st.getFrames();
                RecordedFrame top = frames.getFirst();
                methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                byComponent.merge(component(frames), 1, Integer::sum);
            }
        } catch (IOException | RuntimeException ex) {
            SearchBench.say("cannot read %s: %s", file, ex);
        }
        return new Profile(title, file, samples, sorted(byComponent, 20), sorted(methods, 12), gc, gcs);
    }

    private static String component(List<RecordedFrame> frames) {
        boolean json = false;
        for (RecordedFrame f : frames) {
            String cls = f.getMethod().getType().getName();
            if (cls.startsWith("tools.jackson") || cls.startsWith("com.fasterxml.jackson")) json = true;
            if (TRANSPARENT.stream().anyMatch(cls::startsWith)) continue;
            for (String[] c : COMPONENTS) if (cls.startsWith(c[0])) return c[1];
            return "other: " + cls.substring(0, Math.max(0, cls.lastIndexOf('.')));
        }
        return json ? "JSON (Jackson), caller not sampled" : "JDK only (threads, I/O, crypto, ...)";
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts, int limit) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
            .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "JFR profile, %s (%s): %,d execution samples; %d GCs, %d ms of pauses.%n%n", title,
            file.getFileName(), samples, gcs, gcPauses.toMillis()));
        b.append("| component (innermost frame that names one) | share of samples |\n|---|---|\n");
        byComponent.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", k, 100.0 * v / Math.max(1, samples))));
        b.append("\n| hottest methods (self) | share |\n|---|---|\n");
        topMethods.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", k, 100.0 * v / Math.max(1, samples))));
        return b.toString();
    }
}
