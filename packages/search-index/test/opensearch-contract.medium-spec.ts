import { runSearchIndexContract } from '../src/contract/search-index.contract.js';
import { runPassageContract } from '../src/contract/passages.contract.js';
import { runRealSampleContract } from '../src/contract/real-sample.js';
import { openSearchFactory } from './opensearch-env.js';

runSearchIndexContract('OpenSearch', openSearchFactory);
runRealSampleContract('OpenSearch', openSearchFactory);
runPassageContract('OpenSearch', openSearchFactory);
