package io.ttx;

import com.tngtech.archunit.core.domain.JavaClass;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every top-level package under {@code io.ttx} is an application module whose root package is its API; sub-packages
 * are internal, {@code shared} is the shared kernel exposing {@code outbox}, {@code web} and {@code stores}. Writes the
 * module documentation (C4 and UML diagrams, module canvases) into {@code docs/modules/}.
 */
class ModularityTests {
    /** The application's own classes: the demo catalogue (a test dependency) also lives below io.ttx and is no module. */
    static final ApplicationModules MODULES = ApplicationModules.of(TtxApplication.class,
        JavaClass.Predicates.resideInAPackage("io.ttx.demodata.."));

    @Test
    void modulesUseOnlyEachOthersApisAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyTopLevelPackageIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
            .containsExactlyInAnyOrder("alerts", "brokerage", "catalogue", "documents", "identity", "search", "shared", "valuation", "vouchers");
        assertThat(MODULES.getSharedModules()).extracting(m -> m.getIdentifier().toString()).containsExactly("shared");
    }

    @Test
    void sharedKnowsNoCapability() {
        ApplicationModule shared = MODULES.getModuleByName("shared").orElseThrow();
        assertThat(shared.getDirectDependencies(MODULES).uniqueModules().map(m -> m.getIdentifier().toString())).isEmpty();
    }

    /** The same check bites on a fixture where one module reaches into another's persistence package. */
    @Test
    void verificationFailsWhenAModuleUsesAnotherModulesInternals() {
        var violations = ApplicationModules.of("archfixture.bad", location -> true).detectViolations();
        assertThat(violations.getMessages()).anySatisfy(m -> assertThat(m).contains("archfixture.bad.catalogue.persistence.ListingRow"));
    }

    /**
     * The Documenter writes elements and relations in an order that differs between runs; runs of lines of the same
     * kind ({@code Rel(}, {@code Component(}) are sorted so that the committed diagrams change only with the modules.
     */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            int j = i + 1;
            while (kind != null && j < lines.size() && kind.equals(kind(lines.get(j)))) j++;
            List<String> run = new ArrayList<>(lines.subList(i, j));
            if (kind != null) Collections.sort(run);
            out.addAll(run);
            i = j;
        }
        return out;
    }

    private static @Nullable String kind(String line) {
        String t = line.strip();
        int paren = t.indexOf('(');
        return paren > 0 && (t.startsWith("Rel(") || t.startsWith("Component(") || t.startsWith("Container(")) ? line.substring(0, line.indexOf('(')) : null;
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path out = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/modules").normalize();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".puml")).toList()) Files.write(f, stableOrder(Files.readAllLines(f)));
        }
        assertThat(out.resolve("components.puml")).exists();
        assertThat(Files.readString(out.resolve("components.puml"))).contains("Catalogue", "Search");
    }
}
