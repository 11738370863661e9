/** One template in a list to pick from: a checkbox or radio button with its name and description. */
import type { TemplateInfo } from '../../shared/api';

interface TemplateChoiceProps {
  template: Pick<TemplateInfo, 'name' | 'description'>;
  type: 'checkbox' | 'radio';
  /** The radio group's name. */
  group?: string;
  checked: boolean;
  onChange(): void;
}

export function TemplateChoice({ template, type, group, checked, onChange }: TemplateChoiceProps) {
  return (
    <label className="template-choice">
      <input type={type} name={group} checked={checked} onChange={onChange} />
      <span>
        <span className="template-name">{template.name}</span>
        {template.description && (
          <span className="template-description">{template.description}</span>
        )}
      </span>
    </label>
  );
}
