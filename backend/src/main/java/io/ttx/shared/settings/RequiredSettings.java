package io.ttx.shared.settings;

import com.mongodb.ConnectionString;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings the prod profile requires from the environment (application-prod.yaml gives them no default), in the
 * order they are reported, each with the variable operators set and what a well-formed value looks like. Checked
 * through the {@link Binder}, so a value given under any relaxed name or on the command line counts too.
 */
final class RequiredSettings {
    /** A setting, its environment variable, and what is wrong with a value (null: nothing). */
    record Setting(String property, String variable, boolean list, Function<String, @Nullable String> flaw) { }

    static final List<Setting> PROD = List.of(
        new Setting("ttx.stores.mongodb.uri", "TTX_MONGODB_URI", false, RequiredSettings::mongoUri),
        new Setting("ttx.stores.elasticsearch.uris", "TTX_ELASTICSEARCH_URIS", true, RequiredSettings::httpUrl),
        new Setting("ttx.stores.s3.endpoint", "TTX_S3_ENDPOINT", false, RequiredSettings::httpUrl),
        new Setting("ttx.stores.s3.access-key", "TTX_S3_ACCESS_KEY", false, v -> null),
        new Setting("ttx.stores.s3.secret-key", "TTX_S3_SECRET_KEY", false, v -> null),
        new Setting("ttx.identity.issuer-uri", "TTX_ISSUER_URI", false, RequiredSettings::httpUrl));

    private RequiredSettings() { }

    /** One line per setting that is missing or malformed, in the order of {@code settings}. */
    static List<String> problems(Binder binder, List<Setting> settings) {
        return settings.stream().map(s -> problem(binder, s)).flatMap(Optional::stream).toList();
    }

    private static Optional<String> problem(Binder binder, Setting s) {
        List<String> values = s.list()
            ? binder.bind(s.property(), Bindable.listOf(String.class)).orElse(List.of())
            : binder.bind(s.property(), Bindable.of(String.class)).map(List::of).orElse(List.of());
        // an unresolved ${VARIABLE} is what application-prod.yaml leaves when the environment lacks the variable
        if (values.isEmpty() || values.stream().anyMatch(v -> v.isBlank() || v.contains("${"))) {
            return Optional.of("missing setting " + s.variable() + " (" + s.property() + ")");
        }
        return values.stream().map(v -> s.flaw().apply(v.strip())).filter(f -> f != null).findFirst()
            .map(f -> "malformed setting " + s.variable() + " (" + s.property() + "): " + f);
    }

    /** Never echoes the value: a connection string may carry a password. */
    static @Nullable String mongoUri(String value) {
        try {
            new ConnectionString(value);
            return null;
        } catch (IllegalArgumentException e) {
            return "not a MongoDB connection string (mongodb://host1,host2/?replicaSet=name or mongodb+srv://host)";
        }
    }

    static @Nullable String httpUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? null : "not an http:// or https:// URL with a host";
        } catch (URISyntaxException e) {
            return "not an http:// or https:// URL with a host";
        }
    }
}
