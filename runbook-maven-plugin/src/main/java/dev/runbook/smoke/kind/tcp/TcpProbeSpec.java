package dev.runbook.smoke.kind.tcp;

import dev.runbook.smoke.probe.Observation;
import dev.runbook.smoke.probe.ProbeContext;
import dev.runbook.smoke.probe.ProbeRefusedException;
import dev.runbook.smoke.probe.ProbeSpec;
import dev.runbook.smoke.probe.ReadsUntil;

import java.util.List;
import java.util.function.Predicate;

/**
 * {@code tcp host:port}, then optional {@code send "…"} lines: connect, send each (with {@code {{name}}}
 * placeholders resolved), and read the answer as {@code message}.
 *
 * @param sends  the quoted texts as written, placeholders unresolved
 * @param enough when to stop reading; null reads the first chunk
 */
public record TcpProbeSpec(int line, String target, List<String> sends, Predicate<String> enough) implements ProbeSpec, ReadsUntil {

    public TcpProbeSpec(int line, String target) {
        this(line, target, List.of(), null);
    }

    public TcpProbeSpec {
        sends = List.copyOf(sends);
    }

    @Override
    public Observation observe(ProbeContext context) throws ProbeRefusedException {
        return new TcpProbe().run(this, context);
    }

    @Override
    public ProbeSpec until(Predicate<String> enough) {
        return new TcpProbeSpec(line, target, sends, enough);
    }

    /** Equality ignores the predicate, which the runner adds (the parse result compares by its text). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TcpProbeSpec t && t.line == line && t.target.equals(target) && t.sends.equals(sends);
    }

    @Override
    public int hashCode() {
        return target.hashCode() * 31 + sends.hashCode();
    }
}
