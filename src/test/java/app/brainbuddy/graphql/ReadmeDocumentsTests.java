package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** Every GraphQL document the README shows a newcomer is valid against the live schema. */
class ReadmeDocumentsTests extends GraphQlIntegrationTest {

    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void theReadmesDocumentsAreValidAgainstTheSchema() throws IOException {
        Matcher blocks = GRAPHQL_BLOCK.matcher(Files.readString(Path.of("README.md")));
        List<String> problems = new ArrayList<>();
        int documents = 0;
        while (blocks.find()) {
            String block = blocks.group(1).replace("\n   ", "\n");
            Document document = Parser.parse(block);
            documents++;
            // a block may show several operations to paste one at a time
            new Validator()
                    .validateDocument(graphQlSource.schema(), document, Locale.ENGLISH).stream()
                            .filter(error -> error.getValidationErrorType()
                                    != ValidationErrorType.LoneAnonymousOperationViolation)
                            .forEach(error -> problems.add(error.getMessage() + " in:\n" + block));
        }
        assertThat(documents).isGreaterThanOrEqualTo(4);
        assertThat(problems).isEmpty();
    }
}
