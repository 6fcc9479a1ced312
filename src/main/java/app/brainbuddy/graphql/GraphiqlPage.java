package app.brainbuddy.graphql;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL from assets inside the jar (WebJars), so it works without internet; Spring GraphQL's
 * own page loads GraphiQL from a CDN.
 */
@Controller
class GraphiqlPage {

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
