package io.ttx;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.validation.annotation.Validated;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Modulith does not say: pure domains, where MongoDB is reached, web without persistence types, validated
 * settings. Each rule holds for the application and is shown to bite on the deliberately bad classes of
 * {@code archfixture.bad} (test sources, outside {@code io.ttx} so that the module test does not see them).
 */
class ArchitectureTests {
    static final ArchRule DOMAIN_IS_PURE = noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "co.elastic..", "io.minio..")
        .as("pure domain packages import nothing from Spring, MongoDB, Elasticsearch or MinIO");

    static final ArchRule MONGO_TEMPLATE_IN_PERSISTENCE = noClasses()
        .that().resideOutsideOfPackages("io.ttx.shared..", "..persistence..").and().areNotAnnotatedWith(Configuration.class)
        .should().dependOnClassesThat().areAssignableTo(ReactiveMongoTemplate.class)
        .as("ReactiveMongoTemplate is used only in shared, in configuration classes and in a module's own persistence package");

    static final ArchRule WEB_WITHOUT_PERSISTENCE = noClasses().that().resideInAPackage("..web..")
        .should().dependOnClassesThat().resideInAPackage("..persistence..")
        .as("web packages do not use persistence types");

    static final ArchRule PROPERTIES_VALIDATED = classes().that().areAnnotatedWith(ConfigurationProperties.class)
        .should().beAnnotatedWith(Validated.class)
        .as("every @ConfigurationProperties record is @Validated");

    static final JavaClasses APPLICATION = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ttx");
    static final JavaClasses BAD = new ClassFileImporter().importPackages("archfixture.bad");

    static List<ArchRule> rules() {
        return List.of(DOMAIN_IS_PURE, MONGO_TEMPLATE_IN_PERSISTENCE, WEB_WITHOUT_PERSISTENCE, PROPERTIES_VALIDATED);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void applicationFollowsRule(ArchRule rule) {
        rule.check(APPLICATION);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void ruleBitesOnADeliberatelyBadClass(ArchRule rule) {
        assertThat(rule.evaluate(BAD).hasViolation()).as(rule.getDescription()).isTrue();
    }

    @Test
    void theApplicationHasClassesToCheck() {
        assertThat(APPLICATION.containPackage("io.ttx.valuation.domain")).isTrue();
        assertThat(APPLICATION.containPackage("archfixture.bad")).isFalse();
    }
}
