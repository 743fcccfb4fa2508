"""Runtime: what every khabar process stands on — the Redis connection and its outages, the clock,
leases, metrics, the operators' health server and logging.

Below bot.store (whose Redis code waits out outages through bot.runtime.outage); imports nothing of
khabar's but bot.settings, and never telegram.
"""
