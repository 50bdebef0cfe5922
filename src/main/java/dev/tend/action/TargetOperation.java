package dev.tend.action;

import java.util.List;

/** An operation on one target, written "ACTION TARGET [OPTIONS]" (redis.bgsave cache, docker.restart docker app). */
public interface TargetOperation extends Operation {

    /** The action's name: "redis.bgsave". */
    String action();

    /** The target it acts on. */
    dev.tend.target.Target target();

    default String targetName() {
        return target().name();
    }

    /** The options as written after the target, each with a leading space; empty when none. */
    default String options() {
        return "";
    }

    @Override
    default String describe() {
        return action() + " " + targetName() + options();
    }

    @Override
    default List<String> targets() {
        return List.of(targetName());
    }
}
