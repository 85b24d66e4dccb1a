/** Mentions: every place an article names an entity or restates a statement. */
import { builder } from '../builder.js';

export const Mention = builder.prismaObject('Mention', {
  description: 'A span of an article that names an entity or restates a statement.',
  fields: (t) => ({
    article: t.relation('article'),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    text: t.exposeString('text'),
  }),
});
