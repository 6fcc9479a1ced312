package app.brainbuddy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import app.brainbuddy.graphql.ApiException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.stereotype.Component;

/** The package rules of docs/architecture.md, checked on the compiled main code. */
@AnalyzeClasses(packages = "app.brainbuddy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * The features; graphql/, live/ and mongo/ (and keys/, logging/ below them) are what they all share.
     * Anchored: a bare {@code ..model..} also matches the driver's {@code com.mongodb.client.model}.
     */
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

    /**
     * Only stores speak Mongo: a feature's {@code *Store} classes and repositories, and mongo/. The
     * rest of a feature sees entities and values, so stored names stay in the entities' {@code
     * @Field}s and the stores, which map Java properties to them through Spring Data.
     */
    @ArchTest
    static final ArchRule onlyStoresSpeakMongo = noClasses()
            .that()
            // live/ is the change streams' plumbing, shared as mongo/ is; a feature's change decoder is a store
            .resideOutsideOfPackages("app.brainbuddy.mongo..", "app.brainbuddy.live..")
            .and(notAStore())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    // MongoTemplate and its options, queries and updates, aggregations, conversions
                    "org.springframework.data.mongodb.core",
                    "org.springframework.data.mongodb.core.query..",
                    "org.springframework.data.mongodb.core.aggregation..",
                    "org.springframework.data.mongodb.core.convert..",
                    // documents and the driver's collections (ids, org.bson.types, stay everyone's)
                    "org.bson",
                    "com.mongodb.client..");

    /**
     * One graphql-java instrumentation, {@code RequestLimits}: graphql-java calls every chained
     * instrumentation on every field of every answer, so a limit that acts once per operation is an
     * {@code OperationGate} (docs/architecture.md, the request path).
     */
    @ArchTest
    static final ArchRule oneInstrumentation = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("app.brainbuddy.graphql.RequestLimits")
            .should()
            .beAssignableTo(Instrumentation.class);

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> notAStore() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "are not a *Store (or nested in one)",
                javaClass -> !isStore(javaClass)
                        && javaClass
                                .getEnclosingClass()
                                .map(outer -> !isStore(outer))
                                .orElse(true));
    }

    private static boolean isStore(JavaClass javaClass) {
        return javaClass.getSimpleName().endsWith("Store");
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> notNestedInABean() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "not nested in a Spring bean",
                javaClass -> javaClass
                        .getEnclosingClass()
                        .map(outer -> !outer.isMetaAnnotatedWith(Component.class))
                        .orElse(true));
    }
}
