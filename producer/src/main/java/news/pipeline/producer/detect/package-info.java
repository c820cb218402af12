/** Works out what a body is (HTML, text dump, YAML front matter, JSON) from its name and bytes. */
package news.pipeline.producer.detect;
