/**
 * How the graph is drawn: each kind of node has its own shape as well as its own colour (so
 * kinds stay apart without colour vision), from the Okabe–Ito colour-blind-safe palette.
 */
import type { StylesheetJson } from 'cytoscape';
import type { NodeKind } from '../types.js';

export const KIND_STYLE: Record<NodeKind, { color: string; shape: string }> = {
  Person: { color: '#0072B2', shape: 'ellipse' },
  Organization: { color: '#CC79A7', shape: 'round-rectangle' },
  Country: { color: '#009E73', shape: 'hexagon' },
  Event: { color: '#E69F00', shape: 'diamond' },
  Statement: { color: '#F0E442', shape: 'round-tag' },
  Article: { color: '#7f7f7f', shape: 'rectangle' },
};

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      color: '#1b1b1b',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      width: 26,
      height: 26,
      'border-width': 1.5,
      'border-color': '#1b1b1b',
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, { color, shape }]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': color, shape: shape as 'ellipse' },
  })),
  { selector: 'node[?start]', style: { width: 38, height: 38, 'border-width': 3, 'font-weight': 'bold' } },
  { selector: 'node[?expanded]', style: { 'border-width': 3 } },
  // The API left out some of this node's edges or neighbours (hub cap or node limit).
  { selector: 'node[?truncated]', style: { 'border-style': 'dashed', 'border-color': '#b00020', 'border-width': 3 } },
  { selector: 'node[?synthetic]', style: { 'background-opacity': 0.45, 'border-style': 'dotted' } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 9,
      color: '#333333',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      width: 1.5,
      'line-color': '#8c8c8c',
      'target-arrow-color': '#8c8c8c',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'arrow-scale': 0.8,
    },
  },
  { selector: 'edge[!hasEvidence]', style: { 'line-style': 'dashed' } },
  { selector: ':selected', style: { 'overlay-color': '#1d3557', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: 'edge:selected', style: { 'line-color': '#1d3557', 'target-arrow-color': '#1d3557', width: 3 } },
];
