import type { InstanceOption } from './rules-table';

/** Checkboxes for instances; what "none checked" means is the caller's sentence (all instances, or none: opt-in). */
export function InstancePicker({ legend, hint, options, value, onChange, idPrefix }: {
  legend: string;
  hint: string;
  options: InstanceOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  idPrefix: string;
}) {
  const set = new Set(value);
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-muted">{hint}</p>
      {options.length === 0 ? <p className="text-xs text-muted">No instance is connected.</p> : (
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.map((o) => (
            <label key={o.id} htmlFor={`${idPrefix}-${o.id}`} className="inline-flex items-center gap-1.5 text-sm">
              <input
                id={`${idPrefix}-${o.id}`}
                type="checkbox"
                checked={set.has(o.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))}
              />
              <span className="break-all">{o.name}</span> <span className="text-xs text-muted">({o.kind})</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
