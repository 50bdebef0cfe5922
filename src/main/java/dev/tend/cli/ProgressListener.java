package dev.tend.cli;

import dev.tend.backup.BackupListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Long backup work on stderr: a progress bar at a terminal, one plain line per phase otherwise. */
final class ProgressListener {
    private ProgressListener() {}

    static BackupListener forOutput(PrintWriter err) {
        return Terminal.isTerminal() ? new Bar() : new Lines(err);
    }

    /** For logs and pipes: what is happening, without redrawing. */
    private record Lines(PrintWriter err) implements BackupListener {
        @Override
        public void phase(String description, long expectedBytes) {
            err.println("tend: " + description);
            err.flush();
        }

        @Override
        public void bytes(long done) {}
    }

    private static final class Bar implements BackupListener {
        private ProgressBar bar;

        @Override
        public synchronized void phase(String description, long expectedBytes) {
            if (bar != null) bar.close();
            bar = new ProgressBarBuilder().setTaskName(description).setInitialMax(expectedBytes > 0 ? expectedBytes : -1)
                    .setUnit(" MiB", 1 << 20).showSpeed().setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        }

        @Override
        public synchronized void bytes(long done) {
            if (bar == null) return;
            if (bar.getMax() > 0 && done > bar.getMax()) bar.maxHint(-1); // compressed dumps rarely match the estimate
            bar.stepTo(done);
        }

        @Override
        public synchronized void done() {
            if (bar != null) bar.close();
            bar = null;
        }
    }
}
