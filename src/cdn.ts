/** Self-registering entry for `<script type="module">` pages and the Shopify app embed. */
import './define.ts';
export * from './index.ts';
