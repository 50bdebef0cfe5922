package dev.tend.schedule;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;

/** {@code serve:} how tend serve polls, proves it is alive and how many runs it takes at once. */
public final class ServeSection implements ConfigSection<ServeSettings> {
    public static final SectionKey<ServeSettings> KEY = new SectionKey<>("serve");

    public static ServeSettings of(TendConfig config) {
        return config.section(KEY);
    }

    @Override
    public SectionKey<ServeSettings> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return ServeSettings.field();
    }

    @Override
    public ServeSettings bind(SectionBinding binding) {
        var serve = binding.fields();
        // A value reported as wrong leaves its default in place, so only a missing mapping leaves nothing.
        return serve == null || !serve.has("pollInterval") || !serve.has("heartbeat") || !serve.has("threads") || !serve.has("listen") ? null : ServeSettings.read(serve);
    }
}
