// The network page's graph (Pages/Network/PersonNetwork.cshtml). The table beside it is the primary,
// accessible view; this draws the same nodes and links with Cytoscape, from the page's data-network.
import cytoscape from '/lib/cytoscape/cytoscape.esm.min.mjs'

const container = document.getElementById('network-graph')
if (container) {
  const network = JSON.parse(container.dataset.network)
  // Cytoscape adds an inline <style> unless an element with this id exists; the CSP forbids inline
  // styles, and our stylesheet already positions the container, so an inert placeholder stands in.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const placeholder = document.createElement('template')
    placeholder.id = '__________cytoscape_stylesheet'
    document.head.appendChild(placeholder)
  }
  const key = (node) => `${node.kind}:${node.id}`
  const hrefs = { person: '/people/', 'person-of-concern': '/persons-of-concern/', place: '/places/' }
  const elements = [
    ...network.nodes.map((node) => ({
      data: { id: key(node), label: node.label, kind: node.kind, href: hrefs[node.kind] + node.id, depth: node.depth, start: node.depth === 0 ? 'yes' : 'no' }
    })),
    ...network.edges.map((edge) => ({
      data: { id: edge.id, source: key(edge.from), target: key(edge.to), label: edge.type.replaceAll('-', ' ') }
    }))
  ]
  container.hidden = false
  document.querySelector('.sl-network-nojs')?.setAttribute('hidden', '')
  document.getElementById('network-key')?.removeAttribute('hidden')
  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.3,
    maxZoom: 3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-family': 'arial, sans-serif', 'font-size': 12, color: '#0b0c0c', 'text-valign': 'bottom', 'text-margin-y': 4, width: 26, height: 26, 'text-wrap': 'wrap', 'text-max-width': 120 } },
      { selector: 'node[kind = "person"]', style: { shape: 'ellipse', 'background-color': '#1d70b8' } },
      { selector: 'node[kind = "person-of-concern"]', style: { shape: 'diamond', 'background-color': '#d4351c' } },
      { selector: 'node[kind = "place"]', style: { shape: 'rectangle', 'background-color': '#00703c' } },
      { selector: 'node[start = "yes"]', style: { 'border-width': 4, 'border-color': '#0b0c0c', 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 2, 'line-color': '#505a5f', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#505a5f', label: 'data(label)', 'font-size': 10, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 1 } }
    ],
    // Rings by distance: the young person in the middle, each step further out.
    layout: { name: 'concentric', concentric: (node) => 10 - node.data('depth'), levelWidth: () => 1, minNodeSpacing: 40, animate: false }
  })
  cy.on('tap', 'node', (event) => { window.location.href = event.target.data('href') })
  container.dataset.rendered = String(cy.nodes().length)
}
