import type { CheckResult } from '../../check/check-result.js';
import type { RenderOptions } from '../renderers.js';
import type { CheckFormat } from './check-formats.js';
import { renderCheckCodeClimate } from './render-check-codeclimate.js';
import { renderCheckJson } from './render-check-json.js';
import { renderCheckJunit } from './render-check-junit.js';
import { renderCheckMarkdown } from './render-check-markdown.js';
import { renderCheckSarif } from './render-check-sarif.js';
import { renderCheckText } from './render-check-text.js';
import { renderWorkflowCommands } from './render-workflow-commands.js';


/** A pure function from the check result to the output's text. */
export type CheckRenderer = (result: CheckResult, options: RenderOptions) => string;

/** The check formats, by name: adding one is a renderer file and a key here. */
export const CHECK_RENDERERS: Readonly<Record<CheckFormat, CheckRenderer>> = {
  text: renderCheckText,
  json: (result) => renderCheckJson(result),
  sarif: (result) => renderCheckSarif(result),
  junit: (result) => renderCheckJunit(result),
  markdown: (result) => renderCheckMarkdown(result),
  codeclimate: (result) => renderCheckCodeClimate(result),
  github: (result) => renderWorkflowCommands(result),
};
