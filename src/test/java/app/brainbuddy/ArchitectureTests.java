package app.brainbuddy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import app.brainbuddy.graphql.ApiException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Component;

/** The package rules of docs/architecture.md, checked on the compiled main code. */
@AnalyzeClasses(packages = "app.brainbuddy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The features; graphql/, live/ and mongo/ (and keys/, logging/ below them) are what they all share. */
    private static final String[] FEATURES = {
        "app.brainbuddy.account..",
        "app.brainbuddy.auth..",
        "app.brainbuddy.habit..",
        "app.brainbuddy.knowledge..",
        "app.brainbuddy.model..",
        "app.brainbuddy.session..",
        "app.brainbuddy.user.."
    };

    /** Where the domain lives: the features but auth, which is the request's edge as graphql/ is. */
    private static final String[] DOMAIN_FEATURES = {
        "app.brainbuddy.account..",
        "app.brainbuddy.habit..",
        "app.brainbuddy.knowledge..",
        "app.brainbuddy.model..",
        "app.brainbuddy.session..",
        "app.brainbuddy.user.."
    };

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("app.brainbuddy.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "app.brainbuddy.graphql..",
                    "app.brainbuddy.live..",
                    "app.brainbuddy.mongo..",
                    "app.brainbuddy.keys..",
                    "app.brainbuddy.logging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES);

    /**
     * Values, records and helpers of a feature say what is wrong in their own words (an
     * IllegalArgumentException, an Optional problem); only its beans (services, controllers)
     * speak GraphQL's error classifications.
     */
    @ArchTest
    static final ArchRule domainCodeThrowsNoGraphQlErrors = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN_FEATURES)
            .and()
            .areNotMetaAnnotatedWith(Component.class)
            .and(notNestedInABean())
            .should()
            .dependOnClassesThat()
            .areAssignableTo(ApiException.class);

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> notNestedInABean() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "not nested in a Spring bean",
                javaClass -> javaClass
                        .getEnclosingClass()
                        .map(outer -> !outer.isMetaAnnotatedWith(Component.class))
                        .orElse(true));
    }
}
