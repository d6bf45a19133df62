package xxgk.crawler.demo;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** A transient server error: the first request gets 503 Service Unavailable, later ones the page. */
final class FailsOnce {

    private final AtomicBoolean failed = new AtomicBoolean();

    Reply answer(Supplier<Reply> page) {
        return failed.compareAndSet(false, true) ? Reply.page(503, "503 Service Unavailable") : page.get();
    }
}
