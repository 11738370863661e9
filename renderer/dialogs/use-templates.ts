/** The templates the host offers (built-in and saved), loaded once; null while loading. */
import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../shared/api';
import { call } from '../api-client';

export function useTemplates(onError: (error: unknown) => void): TemplateInfo[] | null {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  useEffect(() => {
    let live = true;
    call('templates.list', {}).then(
      (list) => live && setTemplates(list),
      (error: unknown) => {
        if (!live) return;
        setTemplates([]);
        onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [onError]);
  return templates;
}
