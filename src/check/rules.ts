import type { RuleDescription, RuleId } from './check-result.js';

/** What each rule measures, for people reading an alert (SARIF rule help, JUnit suites, the docs). */
export const RULES: Readonly<Record<RuleId, RuleDescription>> = {
  'min-bus-factor': {
    id: 'min-bus-factor',
    title: 'Minimum bus factor',
    description:
      'The fewest people whose departure would leave more than half of the files without anyone who knows them (Avelino et al.) must not be below the minimum: below it, the code depends on too few heads.',
  },
  'min-active-bus-factor': {
    id: 'min-active-bus-factor',
    title: 'Minimum active bus factor',
    description: 'The bus factor counted over people still here (departed people know nothing any more) must not be below the minimum.',
  },
  'max-lost': {
    id: 'max-lost',
    title: 'Maximum knowledge already lost',
    description: 'The share of files whose every author has departed must not exceed the maximum: nobody still here knows that code.',
  },
  'min-stewardship-bus-factor': {
    id: 'min-stewardship-bus-factor',
    title: 'Minimum stewardship bus factor',
    description:
      'The fewest people doing most of an activity that runs the project (integrating others\' work, releasing, reviewing, keeping the build and delivery files) over all history must not be below the minimum.',
  },
  'min-active-stewardship-bus-factor': {
    id: 'min-active-stewardship-bus-factor',
    title: 'Minimum active stewardship bus factor',
    description: 'The same, within the stewardship window and over people still here: who runs the project now.',
  },
  'max-codeowners-drift': {
    id: 'max-codeowners-drift',
    title: 'Maximum CODEOWNERS drift',
    description:
      'The CODEOWNERS file must not part from who knows the code more than allowed: declared owners who author none of their files, key people who are not owners, files no rule owns.',
  },
};
