package app.brainbuddy.limit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the sweep of expired counters and the embedded database's size check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LimitScheduling {}
