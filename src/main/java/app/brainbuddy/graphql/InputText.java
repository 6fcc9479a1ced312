package app.brainbuddy.graphql;

import graphql.TrivialDataFetcher;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses control characters in every argument before a data fetcher sees it, so they reach
 * neither storage nor logs nor other people's answers. In string values, tab, line feed and
 * carriage return stay allowed (free text such as a habit's routine may have lines); NUL, the
 * other C0 controls, DEL and the C1 controls are refused. In the keys of JSON objects every control
 * character is refused: a key is a name, never text.
 */
@Component
class InputText extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        if (dataFetcher instanceof TrivialDataFetcher) {
            return dataFetcher;
        }
        return environment -> {
            environment.getArguments().forEach(InputText::check);
            return dataFetcher.get(environment);
        };
    }

    static void check(String path, @Nullable Object value) {
        if (value instanceof String text) {
            int at = firstControl(text, true);
            if (at >= 0) {
                throw refused(path, text.charAt(at));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                String name = String.valueOf(key);
                int at = firstControl(name, false);
                if (at >= 0) {
                    throw ApiException.badRequest("Invalid input: a key of " + path + " contains the control character "
                            + codePoint(name.charAt(at)) + "; keys may contain none");
                }
                check(path + "." + name, inner);
            });
        } else if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object inner : list) {
                check(path + "[" + index++ + "]", inner);
            }
        }
    }

    private static int firstControl(String text, boolean lineBreaksAndTabsAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            if (control && !(lineBreaksAndTabsAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }

    private static ApiException refused(String path, char c) {
        return ApiException.badRequest("Invalid input: " + path + " contains the control character " + codePoint(c)
                + "; only tab, line feed and carriage return are allowed");
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
