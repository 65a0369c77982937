# Groups `perf report --sort dso,symbol -g none --stdio` lines of the gateway into what the time went to.
/^ *[0-9.]+%/ {
  pct = $1; sub(/%/, "", pct); line = $0
  if (line ~ /\[kernel/) {
    g = (line ~ /finish_task_switch|__schedule|sched_yield|schedule$|futex|_raw_spin_unlock_irqrestore/) ? "kernel: scheduling, futex, yield" : "kernel: sockets, syscalls, other"
  } else if (line ~ /\[Npgsql\]|Npgsql\./) g = "Npgsql"
  else if (line ~ /OpenTelemetry|DiagnosticSource|System\.Diagnostics\.Metrics|System\.Diagnostics\.Activity/) g = "OpenTelemetry, metrics, activities"
  else if (line ~ /Microsoft\.Extensions\.Logging/) g = "logging"
  else if (line ~ /RateLimit/) g = "rate limiting"
  else if (line ~ /Microsoft\.AspNetCore/) g = "ASP.NET Core, Kestrel"
  else if (line ~ /System\.Private\.Xml|System\.Xml/) g = "XML"
  else if (line ~ /libcrypto|Cryptography/) g = "crypto (MD5, hashing)"
  else if (line ~ /System\.Text\.Json/) g = "JSON"
  else if (line ~ /\[Gateway|\[Plugins|Gateway\./) g = "gateway and plugin code"
  else if (line ~ /System\.Net\.Sockets|libSystem\.Native/) g = "managed sockets"
  else if (line ~ /libcoreclr|libclrjit|stub |\[unknown\]/) g = "runtime (GC, JIT, stubs)"
  else if (line ~ /System\.Private\.CoreLib|System\.Threading|libc\.so|ld-linux|vdso/) g = "BCL, async, thread pool, libc"
  else g = "other"
  sum[g] += pct
}
END { for (g in sum) printf "%6.1f%%  %s\n", sum[g], g }
