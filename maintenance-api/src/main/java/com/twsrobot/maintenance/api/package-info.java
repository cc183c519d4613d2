/**
 * The plug-in API of tws-maintenance and its model records, the one module hosts and plug-ins
 * compile against.
 *
 * <p>Plug-in points, each found with {@link java.util.ServiceLoader} (through
 * {@link com.twsrobot.maintenance.api.ServiceProviders}) or given to the runner's builder:
 * {@link com.twsrobot.maintenance.api.MaintenanceTask} (a unit of work the runner schedules),
 * {@link com.twsrobot.maintenance.api.ConstituentSource} (an index's members),
 * {@link com.twsrobot.maintenance.api.MembershipSource} (a second opinion on them),
 * {@link com.twsrobot.maintenance.api.Validator} (a rule a proposal must pass) and
 * {@link com.twsrobot.maintenance.api.CacheInvalidator} (telling the host a file changed).
 *
 * <p>Records: what a run is asked ({@link com.twsrobot.maintenance.api.RunRequest}), what it did
 * ({@link com.twsrobot.maintenance.api.RunReport}, {@link com.twsrobot.maintenance.api.TaskResult}),
 * the tables it reads and writes ({@link com.twsrobot.maintenance.api.ConstituentTable}) and the
 * status displays read ({@link com.twsrobot.maintenance.api.MaintenanceStatus}). All are immutable.
 */
package com.twsrobot.maintenance.api;
