package dev.tend.load;

import java.net.URI;
import java.time.Duration;

/** What drives the connections of a plain-http load: N requests at concurrency C, each timed from its start to its answer's last byte. */
interface LoadEngine {
    LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound, byte[] request)
            throws InterruptedException;
}
