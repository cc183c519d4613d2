package com.twsrobot.maintenance.api;

/**
 * An index as a plug-in: what the generic constituent task needs to know about it (its key, task and
 * file names, symbol rule, minimum count: {@link IndexSpec}) and the source that reads its members.
 * Listed in {@code META-INF/services/com.twsrobot.maintenance.api.ConstituentIndex} with a public
 * no-argument constructor, it is discovered like any other plug-in: the runner then has a constituent
 * task for it, and everything that lists indices (the CLI's help, {@code status}, the console's
 * cards) shows it. The S&amp;P 500, STI and HSI are three such plug-ins.
 */
public interface ConstituentIndex {

    /**
     * What the constituent task needs to know about the index.
     *
     * @return the index's key, task name, title, file name, symbol rule and minimum count
     */
    IndexSpec spec();

    /**
     * The source that reads the index's members; its {@link ConstituentSource#index()} must be
     * {@code spec().index()}. Called once, when a runner is built.
     *
     * @return the source
     */
    ConstituentSource source();
}
