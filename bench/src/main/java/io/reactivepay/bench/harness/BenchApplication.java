package io.reactivepay.bench.harness;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark harness: a web module added to the real EAR for a benchmark run only, never shipped. */
@ApplicationPath("/")
public class BenchApplication extends Application {
}
