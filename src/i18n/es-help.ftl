# `--help` y las páginas man en español. El inglés son los comentarios de
# documentación de clap; las claves salen de la ruta del comando y del id
# del argumento (ver src/cli/help.rs). Una prueba falla si falta alguna.

## clap's own words (headings, -h, -V, the help subcommand)
help-clap-usage = Uso
help-clap-commands = Comandos
help-clap-command = COMANDO
help-clap-options = Opciones
help-clap-arguments = Argumentos
help-clap-global-options = Opciones globales
help-clap-help = Muestra la ayuda
help-clap-help-more = Muestra la ayuda (más con '--help')
help-clap-help-summary = Muestra la ayuda (un resumen con '-h')
help-clap-version = Muestra la versión
help-clap-help-subcommand = Muestra esta ayuda o la de los subcomandos indicados
help-clap-default = por omisión
help-clap-env = entorno
help-clap-possible-values = valores posibles

## ecolo
help-ecolo-about = Abra y siga tickets de soporte con el servicio de hosting
help-ecolo-after-help = Ejecute `ecolo help <comando>` o `ecolo <comando> --help` para más detalles; `ecolo --help` muestra los códigos de salida y las variables de entorno.
help-ecolo-arg-json = Imprime los resultados en JSON (campos estables, documentados en el README)
help-ecolo-arg-no-input = Nunca pregunta; un valor que falta es un error que nombra su opción
help-ecolo-arg-profile = Usa las credenciales y la URL del servicio guardadas como NAME
help-ecolo-arg-url = URL del servicio de soporte, p. ej. https://desk.example.com
help-ecolo-arg-verbose = Muestra cada solicitud (método, URL, estado, tiempo) en stderr; nunca secretos

## login, logout, whoami
help-login-about = Inicia sesión en el servicio y guarda las credenciales de este perfil
help-login-after-help = La URL del servicio sale de --url, ECOLO_URL, el perfil o una pregunta.
    Scripts: `ecolo login --url URL --email E --password-stdin < archivo-de-contraseña`
    o `echo "$TOKEN" | ecolo login --url URL --with-token`.
help-login-arg-email = Correo electrónico de la cuenta
help-login-arg-password-stdin = Lee la contraseña de la entrada estándar (primera línea)
help-login-arg-with-token = Lee un token de acceso de la entrada estándar en lugar de una contraseña
help-logout-about = Olvida las credenciales guardadas (la sesión de un inicio con contraseña también se revoca en el servicio)
help-logout-after-help = Un token guardado con `ecolo login --with-token` solo se olvida: sigue funcionando
    hasta `ecolo token revoke NOMBRE`.
help-whoami-about = Muestra como quién actúan las credenciales, sus categorías y la URL del servicio

## category
help-category-about = Categorías de tickets (departamentos) y qué va en cada una
help-category-list-about = Lista las categorías: clave, nombre, dirección de correo de entrada, qué va ahí

## ticket
help-ticket-about = Abre, lista, muestra, responde, cierra y reabre tickets; la cola del equipo de soporte, notas, asignaciones y traslados
help-ticket-open-about = Abre un ticket (en una terminal pregunta lo que falte)
help-ticket-open-after-help = Imprime en stdout solo el número del ticket nuevo (el ticket en JSON con --json).
    Ejemplos:
      ecolo ticket open -c facturacion -s 'Factura 1234 cobrada dos veces' -m 'Detalles...'
      ecolo ticket open -c website-updates -s 'Nueva página de precios' -F texto.md -a precios.png
help-ticket-open-arg-category = Categoría: su clave o su nombre en español o inglés (vea `ecolo category list`)
help-ticket-open-arg-subject = Resumen del problema en una línea
help-ticket-open-arg-message = El texto del mensaje (`-` lo lee de la entrada estándar)
help-ticket-open-arg-message-file = Lee el mensaje de FILE (`-` para la entrada estándar)
help-ticket-open-arg-priority = Prioridad [por omisión: medium]
help-ticket-open-arg-attach = Adjunta un archivo (repítala para varios)
help-ticket-open-arg-idempotency-key = Clave que hace seguro repetir este comando: la misma clave nunca abre un segundo ticket [por omisión: un UUID nuevo en cada ejecución]
help-ticket-open-arg-yes = No pide confirmar el resumen
help-ticket-list-about = Lista los tickets (el servicio elige qué por omisión: los activos de un cliente, la cola de un agente)
help-ticket-list-arg-status = Qué tickets: open, answered, customer-reply, closed, waiting (open o customer-reply), active (todos menos los cerrados) o all [por omisión: el del servicio, vea abajo]
help-ticket-list-arg-category = Solo esta categoría (clave o nombre)
help-ticket-list-arg-limit = Como máximo N tickets
help-ticket-list-after-help = Los clientes reciben sus propios tickets, los más recientes primero (por omisión los activos).
    El equipo de soporte recibe la cola: los tickets de todas las cuentas en sus categorías, por
    omisión los que esperan al soporte, los que más llevan esperando primero.
    Ejemplos:
      ecolo ticket list --search factura
      ecolo ticket list --assignee @me --status all
      ecolo ticket list --account titular@example.com -c facturacion
help-ticket-list-arg-search = Solo los tickets cuyo asunto o mensajes contienen todas las palabras de TEXT (para el equipo de soporte, también las notas), los más recientes primero
help-ticket-list-arg-assignee = Equipo de soporte: solo los tickets asignados a EMAIL, a usted (`@me`) o a nadie (`none`)
help-ticket-list-arg-account = Equipo de soporte: solo los tickets de la cuenta cuyo titular es EMAIL
help-ticket-view-about = Muestra toda la conversación de un ticket
help-ticket-view-arg-number = Número del ticket, p. ej. 482913
help-ticket-reply-about = Añade un mensaje a un ticket (de un agente: la respuesta del equipo de soporte)
help-ticket-reply-arg-number = Número del ticket, p. ej. 482913
help-ticket-reply-arg-message = El texto del mensaje (`-` lo lee de la entrada estándar)
help-ticket-reply-arg-message-file = Lee el mensaje de FILE (`-` para la entrada estándar)
help-ticket-reply-arg-attach = Adjunta un archivo (repítala para varios)
help-ticket-reply-after-help = Sin --message ni --message-file, una terminal abre $VISUAL/$EDITOR (o pide una línea).
    Ejemplos:
      ecolo ticket reply 482913 -m 'Gracias, eso lo arregló.'
      git log -1 | ecolo ticket reply 482913 -F - -a captura.png
help-ticket-note-about = Añade una nota interna, que el cliente nunca ve (equipo de soporte)
help-ticket-note-after-help = Solo el equipo de soporte. Sin --message ni --message-file, una terminal abre $VISUAL/$EDITOR (o pide una línea).
    Ejemplos:
      ecolo ticket note 482913 -m 'Reembolso aprobado por Ana; esperando al banco.'
      ecolo ticket note 482913 -F - -a servidor.log < hallazgos.md
help-ticket-note-arg-number = Número del ticket, p. ej. 482913
help-ticket-note-arg-message = El texto de la nota (`-` lo lee de la entrada estándar)
help-ticket-note-arg-message-file = Lee la nota de FILE (`-` para la entrada estándar)
help-ticket-note-arg-attach = Adjunta un archivo (repítala para varios)
help-ticket-assign-about = Asigna un ticket a un agente, a usted o a nadie (equipo de soporte)
help-ticket-assign-after-help = Solo el equipo de soporte.
    Ejemplos:
      ecolo ticket assign 482913 --to @me
      ecolo ticket assign 482913 --to laura@desk.example
      ecolo ticket assign 482913 --to none
help-ticket-assign-arg-number = Número del ticket, p. ej. 482913
help-ticket-assign-arg-to = El correo de un agente, `@me` (usted) o `none` (sin asignar)
help-ticket-edit-about = Mueve un ticket a otra categoría o cambia su prioridad (equipo de soporte)
help-ticket-edit-after-help = Solo el equipo de soporte. Indique al menos una de -c y -p.
    Ejemplos:
      ecolo ticket edit 482913 -c correo
      ecolo ticket edit 482913 -p high
help-ticket-edit-arg-number = Número del ticket, p. ej. 482913
help-ticket-edit-arg-category = Mueve el ticket a esta categoría: su clave o su nombre (vea `ecolo category list`)
help-ticket-edit-arg-priority = Cambia la prioridad
help-ticket-close-about = Cierra un ticket cuando está resuelto (los agentes pueden añadir una última respuesta)
help-ticket-close-arg-number = Número del ticket, p. ej. 482913
help-ticket-close-after-help = Se avisa por correo al solicitante de que el ticket se cerró y de cómo reabrirlo.
    Ejemplos:
      ecolo ticket close 482913
      ecolo ticket close 482913 -m 'Reembolsado; lo cerramos. Responda para reabrirlo.'   (equipo de soporte)
help-ticket-close-arg-message = Una última respuesta enviada al cerrar (equipo de soporte; `-` la lee de la entrada estándar)
help-ticket-close-arg-message-file = Lee la última respuesta de FILE (`-` para la entrada estándar)
help-ticket-reopen-about = Reabre un ticket cerrado
help-ticket-reopen-arg-number = Número del ticket, p. ej. 482913
help-ticket-download-about = Guarda los adjuntos de un ticket en un directorio
help-ticket-download-arg-number = Número del ticket, p. ej. 482913
help-ticket-download-arg-to = Directorio donde guardarlos (se crea si no existe)
help-ticket-download-arg-force = Sobrescribe los archivos que ya existan

## contact
help-contact-about = Personas que pueden abrir tickets en algunas categorías (solo el titular)
help-contact-add-about = Permite a alguien abrir tickets en algunas categorías
help-contact-add-arg-email = El correo del contacto (puede escribir al servicio desde él)
help-contact-add-arg-name = El nombre del contacto
help-contact-add-arg-categories = Una categoría que el contacto puede usar (repítala para varias)
help-contact-add-arg-language = El idioma de los correos del servicio al contacto [por defecto: el de la cuenta]
help-contact-list-about = Lista los contactos, sus categorías y las direcciones a las que pueden escribir
help-contact-edit-about = Cambia el nombre o las categorías de un contacto
help-contact-edit-arg-email = El correo del contacto
help-contact-edit-arg-name = Nombre nuevo
help-contact-edit-arg-add-category = Permite otra categoría (repítala para varias)
help-contact-edit-arg-remove-category = Quita una categoría (repítala para varias)
help-contact-edit-arg-language = El idioma de los correos del servicio al contacto
help-contact-remove-about = Elimina un contacto (sus tokens dejan de funcionar; sus tickets se quedan)
help-contact-remove-arg-email = El correo del contacto
help-contact-remove-arg-yes = Elimina sin preguntar

## token
help-token-about = Tokens de acceso personales para scripts y CI (los del titular; los propios de un agente)
help-token-create-about = Crea un token; imprime solo el token (se muestra esta única vez)
help-token-create-after-help = Use el token con `ECOLO_TOKEN=... ecolo ...` o `ecolo login --with-token`.
help-token-create-arg-name = Un nombre para reconocer (y revocar) el token
help-token-create-arg-contact = Actúa como este contacto (como mucho sus categorías)
help-token-create-arg-categories = Limita el token a una categoría (repítala para varias)
help-token-create-arg-expires = Vigencia: Nd (días), Nw (semanas), Ny (años), como mucho 10y; o `never` [por omisión: never]
help-token-list-about = Lista los tokens: nombre, alcance, creado, último uso, caducidad (nunca el secreto)
help-token-revoke-about = Revoca un token de inmediato
help-token-revoke-arg-name = El nombre del token
help-token-revoke-arg-yes = Revoca sin preguntar

## config
help-config-about = Ajustes de ecolo en este equipo (el idioma)
help-config-set-about = Cambia un ajuste, p. ej. `ecolo config set language es`
help-config-set-arg-key = Qué ajuste
help-config-set-arg-value = Su valor nuevo (para language: es o en)
help-config-get-about = Imprime el valor de un ajuste (nada si no está configurado)
help-config-get-arg-key = Qué ajuste
