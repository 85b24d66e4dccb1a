/** What a query selects beneath the field being resolved, through fragments and @skip/@include. */
import {
  type FieldNode,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

function included(node: SelectionNode, info: GraphQLResolveInfo): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/** The fields named `name` directly in `set`, looking through inline fragments and fragment spreads. */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (!included(selection, info)) return [];
    switch (selection.kind) {
      case 'Field':
        return selection.name.value === name ? [selection] : [];
      case 'InlineFragment':
        return fieldsNamed(selection.selectionSet, name, info);
      case 'FragmentSpread': {
        const fragment = info.fragments[selection.name.value];
        return fragment ? fieldsNamed(fragment.selectionSet, name, info) : [];
      }
      default:
        return [];
    }
  });
}

/**
 * Whether the query selects `path` (field names, not aliases) beneath the field `info`
 * resolves, e.g. `['edges', 'snippet']`. Fragments on any type count (this is for fields of
 * object types, where a fragment can only be on that type).
 */
export function isSelected(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((field) => fieldsNamed(field.selectionSet, name, info));
    if (level.length === 0) return false;
  }
  return true;
}
